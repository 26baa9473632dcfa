using MicroInternships.Notifications.Email;
using MicroInternships.Notifications.People;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Notifications.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("people");
        person.HasKey(p => p.Subject);
        person.Property(p => p.Subject).HasMaxLength(Caller.MaxIdLength);
        person.Property(p => p.Email).HasMaxLength(254);
        person.Property(p => p.Name).HasMaxLength(Caller.MaxNameLength);
        person.Property(p => p.Role).HasMaxLength(32);
        // Who an organization's or a role's notification reaches.
        person.HasIndex(p => new { p.Role, p.OrganizationId });
    }
}

internal sealed class EmailPreferenceConfiguration : IEntityTypeConfiguration<EmailPreference>
{
    public void Configure(EntityTypeBuilder<EmailPreference> preference)
    {
        preference.HasKey(p => new { p.Subject, p.Category });
        preference.Property(p => p.Subject).HasMaxLength(Caller.MaxIdLength);
        preference.Property(p => p.Category).HasMaxLength(64);
        preference.Property(p => p.Delivery).HasConversion<WireNameConverter<EmailDelivery>>().HasMaxLength(16);
    }
}

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> email)
    {
        email.Property(e => e.Id).ValueGeneratedNever();
        email.Property(e => e.MessageKey).HasMaxLength(320);
        email.Property(e => e.RecipientSubject).HasMaxLength(Caller.MaxIdLength);
        email.Property(e => e.Address).HasMaxLength(254);
        email.Property(e => e.Category).HasMaxLength(64);
        email.Property(e => e.Subject).HasMaxLength(300);
        email.Property(e => e.LastError).HasMaxLength(OutgoingEmail.MaxErrorLength);
        // A notification's email to a person, and a day's digest to a person, exist once.
        email.HasIndex(e => e.MessageKey).IsUnique();
        // The sender's claim: what is still to send, by when it is due.
        email.HasIndex(e => e.SendAfter).HasFilter("sent_at IS NULL AND failed_at IS NULL");
    }
}

internal sealed class DigestDayConfiguration : IEntityTypeConfiguration<DigestDay>
{
    public void Configure(EntityTypeBuilder<DigestDay> day) => day.HasKey(d => d.Day);
}
