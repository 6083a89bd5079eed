# shapes: package marker, no re-exports
