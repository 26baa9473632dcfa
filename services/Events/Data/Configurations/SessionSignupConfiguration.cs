using MicroInternships.Events.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Events.Data.Configurations;

internal sealed class SessionSignupConfiguration : IEntityTypeConfiguration<SessionSignup>
{
    public void Configure(EntityTypeBuilder<SessionSignup> signup)
    {
        signup.ToTable("session_signups");
        signup.Property(s => s.Id).ValueGeneratedNever();
        signup.Property(s => s.AttendeeId).HasMaxLength(255);
        signup.Property(s => s.Status).HasConversion<WireNameConverter<SignupStatus>>().HasMaxLength(16);
        signup.HasOne<Session>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        signup.HasOne<Registration>().WithMany().HasForeignKey(s => s.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        signup.HasIndex(s => new { s.SessionId, s.AttendeeId }).IsUnique().HasFilter("status = 'signed_up'").HasDatabaseName("ix_session_signups_one_place");
        signup.HasIndex(s => new { s.RegistrationId, s.Status });
    }
}
