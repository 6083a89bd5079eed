# shapes: no SDK: a frozen OnboardingDeps dataclass container and default_deps(), which only constructs the gateways (constructing a client is not I/O); nothing here is a finding
from dataclasses import dataclass

from onboardly.directory import DirectoryGateway, FacilitiesClient, HrisRepository
from onboardly.mailer import Mailer


@dataclass(frozen=True)
class OnboardingDeps:
    directory: DirectoryGateway
    hris: HrisRepository
    facilities: FacilitiesClient
    mailer: Mailer


def default_deps() -> OnboardingDeps:
    return OnboardingDeps(directory=DirectoryGateway(), hris=HrisRepository(), facilities=FacilitiesClient(), mailer=Mailer())
