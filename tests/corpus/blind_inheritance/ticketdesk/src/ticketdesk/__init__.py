# shapes: package marker without the SDK (no finding)
