# shapes: `import upstash_workflow as uw`; a shared context alias (`ReconCtx`) imported by the route modules
import upstash_workflow as uw

ReconCtx = uw.AsyncWorkflowContext[dict]
