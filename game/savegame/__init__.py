"""Saves: versioned, checksummed logs of moves, written atomically and replayed on loading."""

from game.savegame.saves import LoadedGame, OtherRulesError, SaveError, game_for_save, load_game, save_game

__all__ = ["LoadedGame", "OtherRulesError", "SaveError", "game_for_save", "load_game", "save_game"]
