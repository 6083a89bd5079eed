"""The wfcheck language server (see issue 5); empty for now."""
