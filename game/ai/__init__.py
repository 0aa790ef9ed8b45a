"""Bots and the runner that plays whole games with them."""

from game.ai.bots import Bot, RandomBot
from game.ai.runner import PlayedGame, play_game, seat_bots
from game.ai.spec import SeatSpec, SpecError, parse_bots

__all__ = ["Bot", "PlayedGame", "RandomBot", "SeatSpec", "SpecError", "parse_bots", "play_game", "seat_bots"]
