# shapes: package re-exports of OnboardingPlan, OnboardingDeps and default_deps that flows.py imports as `from onboardly.services import ...`; nothing here is a finding
from onboardly.services.deps import OnboardingDeps, default_deps
from onboardly.services.plan import OnboardingPlan

__all__ = ["OnboardingDeps", "OnboardingPlan", "default_deps"]
