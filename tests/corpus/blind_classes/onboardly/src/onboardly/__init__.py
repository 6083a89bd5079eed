# shapes: package marker of a src/ layout; no imports, nothing here is a finding
"""onboardly: HR onboarding workflows."""
