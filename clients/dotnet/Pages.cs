namespace MicroInternships.Clients
{
    /// <summary>One page of a list, whichever service's client read it: the items, and the cursor of the next page (none on the last).</summary>
    public interface IPage<T>
    {
        List<T>? Items { get; }

        string? NextCursor { get; }
    }
}

namespace MicroInternships.Clients.Listings.Models
{
    public partial class PageOfCourseDto : IPage<CourseDto>;

    public partial class PageOfCourseNeedDto : IPage<CourseNeedDto>;

    public partial class PageOfCourseRequestDto : IPage<CourseRequestDto>;

    public partial class PageOfInvitationDto : IPage<InvitationDto>;
    public partial class PageOfPartnerInterestDto : IPage<PartnerInterestDto>;

    public partial class PageOfListingDto : IPage<ListingDto>;

    public partial class PageOfMemberDto : IPage<MemberDto>;

    public partial class PageOfOrganizationDto : IPage<OrganizationDto>;

    public partial class PageOfPublicListingDto : IPage<PublicListingDto>;
}

namespace MicroInternships.Clients.Placements.Models
{
    public partial class PageOfApplicationDto : IPage<ApplicationDto>;

    public partial class PageOfPlacementDto : IPage<PlacementDto>;
}

namespace MicroInternships.Clients.Payments.Models
{
    public partial class PageOfFundDto : IPage<FundDto>;

    public partial class PageOfPayoutDto : IPage<PayoutDto>;
}

namespace MicroInternships.Clients.Events.Models
{
    public partial class PageOfEventDto : IPage<EventDto>;

    public partial class PageOfRegistrationDto : IPage<RegistrationDto>;

    public partial class PageOfSlotDto : IPage<SlotDto>;

    public partial class PageOfTalkProposalDto : IPage<TalkProposalDto>;
}

namespace MicroInternships.Clients.Notifications.Models
{
    public partial class PageOfNotificationDto : IPage<NotificationDto>;
}
