"""Policy-update digests: schedules, the outbox, composing messages (no telegram imports)."""
