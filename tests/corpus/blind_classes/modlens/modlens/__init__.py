# shapes: package marker; no imports, nothing here is a finding
"""modlens: content moderation workflows (review, rescan, appeal, spot checks)."""
