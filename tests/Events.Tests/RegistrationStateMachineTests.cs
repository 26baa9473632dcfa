using MicroInternships.Events.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.Testing;

namespace MicroInternships.Events.Tests;

/// <summary>The registration's state machine on its own, without a database: every step from every state.</summary>
public sealed class RegistrationStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 17, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, Action<Registration>> Steps = new()
    {
        ["promote"] = r => r.Promote(),
        ["check in"] = r => r.CheckIn(Now),
        ["cancel"] = r => r.Cancel(Now),
    };

    private static readonly Dictionary<(RegistrationStatus From, string Step), RegistrationStatus> Allowed = new()
    {
        [(RegistrationStatus.Waitlisted, "promote")] = RegistrationStatus.Confirmed,
        [(RegistrationStatus.Waitlisted, "cancel")] = RegistrationStatus.Cancelled,
        [(RegistrationStatus.Confirmed, "check in")] = RegistrationStatus.CheckedIn,
        [(RegistrationStatus.Confirmed, "cancel")] = RegistrationStatus.Cancelled,
    };

    public static TheoryData<RegistrationStatus, string> EveryStateAndStep() =>
        StateMachineCases.EveryStateAndStep(Enum.GetValues<RegistrationStatus>(), Steps.Keys);

    [Theory]
    [MemberData(nameof(EveryStateAndStep))]
    public void EachStep_FromEachState_MovesAsTheContractSays_OrIsRefused(RegistrationStatus from, string step)
    {
        var registration = In(from);
        var version = registration.Version;

        if (Allowed.TryGetValue((from, step), out var to))
        {
            Steps[step](registration);
            Assert.Equal(to, registration.Status);
            Assert.True(registration.Version > version, "An allowed step moves the version on.");
            Assert.Equal(to == RegistrationStatus.Waitlisted, registration.WaitlistNumber is not null);
        }
        else
        {
            var refused = Assert.Throws<DomainRuleException>(() => Steps[step](registration));
            Assert.Equal(RuleKind.Conflict, refused.Kind);
            Assert.Equal((from, step) == (RegistrationStatus.CheckedIn, "cancel") ? "registration_checked_in" : "registration_wrong_state", refused.Code);
            Assert.Equal((from, version), (registration.Status, registration.Version));
        }
    }

    [Fact]
    public void ASeat_IsHeldWhileConfirmedOrCheckedIn_Only()
    {
        Assert.Equal(
            [RegistrationStatus.Confirmed, RegistrationStatus.CheckedIn],
            Enum.GetValues<RegistrationStatus>().Where(status => In(status).HoldsSeat));
    }

    private static Registration In(RegistrationStatus status)
    {
        var registration = Registration.Create(Guid.NewGuid(), "s-1", "Sam Student", Audience.Student, Tier.EarlyBird, 0,
            waitlistNumber: status == RegistrationStatus.Waitlisted ? 3 : null, Now);
        switch (status)
        {
            case RegistrationStatus.Cancelled:
                registration.Cancel(Now);
                break;
            case RegistrationStatus.CheckedIn:
                registration.CheckIn(Now);
                break;
        }

        return registration;
    }
}
