using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MicroInternships.Placements.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class PlacementsDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlacementsDbContext>
{
    public PlacementsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlacementsDbContext>().UseNpgsql("Host=localhost;Database=placementsdb").UseSnakeCaseNamingConvention().Options);
}
