"""The rule catalog: one module per rule, its docstring the rule's documentation."""

from __future__ import annotations

from wfcheck.rule import Rule
from wfcheck.rules.clock_outside_step import ClockOutsideStep
from wfcheck.rules.duplicate_step_name import DuplicateStepName
from wfcheck.rules.invalid_sleep_duration import InvalidSleepDuration
from wfcheck.rules.invalid_step_function import InvalidStepFunction
from wfcheck.rules.invalid_step_name import InvalidStepName
from wfcheck.rules.io_outside_step import IoOutsideStep
from wfcheck.rules.nested_step_call import NestedStepCall
from wfcheck.rules.non_durable_sleep import NonDurableSleep
from wfcheck.rules.nondeterministic_control_flow import NondeterministicControlFlow
from wfcheck.rules.nondeterministic_step_name import NondeterministicStepName
from wfcheck.rules.parallel_steps import ParallelSteps
from wfcheck.rules.randomness_outside_step import RandomnessOutsideStep
from wfcheck.rules.return_before_first_step import ReturnBeforeFirstStep
from wfcheck.rules.side_effect_outside_step import SideEffectOutsideStep
from wfcheck.rules.step_function_called_eagerly import StepFunctionCalledEagerly
from wfcheck.rules.step_in_swallowing_try import StepInSwallowingTry
from wfcheck.rules.step_result_via_outer_state import StepResultViaOuterState
from wfcheck.rules.sync_async_mismatch import SyncAsyncMismatch
from wfcheck.rules.unawaited_step import UnawaitedStep
from wfcheck.rules.unknown_context_method import UnknownContextMethod
from wfcheck.rules.unserializable_step_result import UnserializableStepResult
from wfcheck.rules.unused_noqa import UnusedNoqa
from wfcheck.rules.workflow_without_steps import WorkflowWithoutSteps

ALL_RULES: tuple[type[Rule], ...] = (
    UnusedNoqa,
    ClockOutsideStep,
    RandomnessOutsideStep,
    IoOutsideStep,
    ReturnBeforeFirstStep,
    NondeterministicControlFlow,
    NondeterministicStepName,
    NonDurableSleep,
    SideEffectOutsideStep,
    StepResultViaOuterState,
    NestedStepCall,
    StepFunctionCalledEagerly,
    UnserializableStepResult,
    InvalidStepFunction,
    WorkflowWithoutSteps,
    ParallelSteps,
    UnawaitedStep,
    SyncAsyncMismatch,
    StepInSwallowingTry,
    InvalidStepName,
    InvalidSleepDuration,
    UnknownContextMethod,
    DuplicateStepName,
)

RULES_BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in ALL_RULES}
