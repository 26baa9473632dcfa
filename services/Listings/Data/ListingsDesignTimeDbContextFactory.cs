using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MicroInternships.Listings.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class ListingsDesignTimeDbContextFactory : IDesignTimeDbContextFactory<ListingsDbContext>
{
    public ListingsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ListingsDbContext>().UseNpgsql("Host=localhost;Database=listingsdb").UseSnakeCaseNamingConvention().Options);
}
