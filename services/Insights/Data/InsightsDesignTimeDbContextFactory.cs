using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MicroInternships.Insights.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class InsightsDesignTimeDbContextFactory : IDesignTimeDbContextFactory<InsightsDbContext>
{
    public InsightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InsightsDbContext>().UseNpgsql("Host=localhost;Database=insightsdb").UseSnakeCaseNamingConvention().Options);
}
