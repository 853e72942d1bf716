namespace EfReadCache.Migrations;

/// <summary>A progress report from the migrator.</summary>
/// <param name="Step">
///     The pipeline step: <c>lock</c>, <c>introspect</c>, <c>desired</c>, <c>diff</c>, <c>check</c>, <c>apply</c>,
///     <c>verify</c>, <c>invalidate</c> or <c>done</c>.
/// </param>
/// <param name="Message">What is happening, for people.</param>
public sealed record SchemaMigrationProgress(string Step, string Message);
