# shapes: package marker (no code)
