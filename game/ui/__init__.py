"""The desktop game: pygame scenes over a pure model of the session (session, settings, saves, timeline)."""
