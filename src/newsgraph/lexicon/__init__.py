"""Word lists more than one stage reads, each fact listed once (news agencies, ...)."""
