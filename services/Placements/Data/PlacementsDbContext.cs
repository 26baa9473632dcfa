using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Placements.Data;

public sealed class PlacementsDbContext(DbContextOptions<PlacementsDbContext> options) : DbContext(options);
