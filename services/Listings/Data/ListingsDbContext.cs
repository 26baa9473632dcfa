using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Data;

public sealed class ListingsDbContext(DbContextOptions<ListingsDbContext> options) : DbContext(options);
