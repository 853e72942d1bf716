using EfReadCache.Tool.Cli;
using EfReadCache.Tool.Output;
using EfReadCache.Tool.Protocol;

namespace EfReadCache.Tool.Tests.Integration;

/// <summary>
///     An application without a design-time factory: the context comes from its host (minimal hosting), whose entry
///     point is stopped once the host is built, before the application runs.
/// </summary>
public sealed class HostDiscoveryTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("efrc-host-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task The_context_is_created_from_the_application_host_without_running_the_application()
    {
        var ranMarker = Path.Combine(directory, "ran.txt");
        var database = Path.Combine(directory, "app.db");
        await File.WriteAllTextAsync(
            Path.Combine(directory, "HostApp.csproj"),
            """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.14" />
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.14" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(
            Path.Combine(directory, "Program.cs"),
            $$"""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddDbContext<ShopDb>(o => o.UseSqlite(builder.Configuration.GetConnectionString("Shop")
                ?? throw new InvalidOperationException("ConnectionStrings:Shop is not set.")));
            var host = builder.Build();
            File.WriteAllText(@"{{ranMarker}}", "the application ran");
            await host.RunAsync();

            public sealed class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
            {
                public DbSet<Product> Products => Set<Product>();
            }

            public sealed class Product
            {
                public int Id { get; set; }
            }
            """);

        var output = new StringWriter();
        var settings = new ToolSettings { Project = directory, Json = true, AppArgs = ["--ConnectionStrings:Shop", "Data Source=" + database] };
        var exit = await CommandRunner.RunAsync(ToolCommand.Plan, settings, ToolConsole.CreatePlain(output, TextWriter.Null, json: true), CancellationToken.None);

        var report = ProtocolJson.Deserialize<CommandReport>(output.ToString());
        Assert.True(exit == ExitCodes.Success, output.ToString());
        Assert.Equal("ShopDb", report.Context!.Name);
        Assert.Contains("service provider", report.Context.CreatedBy);
        Assert.Equal("Data Source=" + database, report.Context.Database);
        Assert.Contains(report.Plan!.Operations, o => o.Kind == "CreateTable" && o.Table == "Products");
        Assert.False(File.Exists(ranMarker), "The tool must stop the application once its host is built.");
    }
}
