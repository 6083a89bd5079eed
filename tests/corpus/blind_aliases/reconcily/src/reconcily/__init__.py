# shapes: package marker of a `src/` layout; no re-exports at the top level
