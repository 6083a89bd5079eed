"""The rule catalog: one module per rule, its docstring the rule's documentation."""

from __future__ import annotations

from wfcheck.rule import Rule
from wfcheck.rules.clock_outside_step import ClockOutsideStep
from wfcheck.rules.io_outside_step import IoOutsideStep
from wfcheck.rules.nested_step_call import NestedStepCall
from wfcheck.rules.nondeterministic_control_flow import NondeterministicControlFlow
from wfcheck.rules.nondeterministic_step_name import NondeterministicStepName
from wfcheck.rules.parallel_steps import ParallelSteps
from wfcheck.rules.randomness_outside_step import RandomnessOutsideStep
from wfcheck.rules.return_before_first_step import ReturnBeforeFirstStep
from wfcheck.rules.step_result_via_outer_state import StepResultViaOuterState
from wfcheck.rules.workflow_without_steps import WorkflowWithoutSteps

ALL_RULES: tuple[type[Rule], ...] = (
    ClockOutsideStep,
    RandomnessOutsideStep,
    IoOutsideStep,
    ReturnBeforeFirstStep,
    NondeterministicControlFlow,
    NondeterministicStepName,
    StepResultViaOuterState,
    NestedStepCall,
    WorkflowWithoutSteps,
    ParallelSteps,
)

RULES_BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in ALL_RULES}
