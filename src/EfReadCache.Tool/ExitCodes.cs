namespace EfReadCache.Tool;

/// <summary>The exit codes of <c>dotnet readcache</c>. These values must not change between releases.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked: the plan was printed, applied, the schema matches, no doctor check failed.</summary>
    public const int Success = 0;

    /// <summary><c>check</c> found drift; <c>apply</c> refused destructive operations; a <c>doctor</c> check failed.</summary>
    public const int NotClean = 1;

    /// <summary>The command line is wrong (unknown option, missing value).</summary>
    public const int Usage = 2;

    /// <summary>The project did not build.</summary>
    public const int BuildFailed = 3;

    /// <summary>No project, several contexts without <c>--context</c>, the context cannot be created, or an unsupported provider.</summary>
    public const int ProjectOrContext = 4;

    /// <summary>The database cannot be reached with the connection string.</summary>
    public const int DatabaseUnreachable = 5;

    /// <summary>The migration itself failed (rolled back), or an unexpected error.</summary>
    public const int Failed = 6;

    /// <summary>One line per code, for <c>--help</c> and the documentation.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> All =
    [
        (Success, "success: plan printed, changes applied, schema matches the model, no doctor check failed"),
        (NotClean, "check: drift found; apply: destructive operations refused without --allow-data-loss; doctor: a check failed"),
        (Usage, "the command line is invalid"),
        (BuildFailed, "the project failed to build (the build output is printed)"),
        (ProjectOrContext, "no project, several DbContexts without --context, the DbContext cannot be created, or its provider is not supported"),
        (DatabaseUnreachable, "the database cannot be reached"),
        (Failed, "the migration failed and was rolled back, or an unexpected error"),
    ];
}
