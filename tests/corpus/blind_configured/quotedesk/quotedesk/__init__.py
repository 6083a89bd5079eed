# shapes: package marker (no SDK)
