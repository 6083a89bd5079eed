# shapes: empty package marker (no SDK, no code)
