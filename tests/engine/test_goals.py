"""Each faction's distance from victory, condition by condition, as the goal panel and the bots read it."""

from game.engine import CHANCE


def test_the_goals_list_sudden_deaths_then_objectives_in_the_rules_order(mini_game, mini_rules):
    state = mini_game.new_initial_state(1)
    goals = mini_game.goals(state, "blues")
    victory = mini_rules.victory_of("blues")

    assert [goal.name for goal in goals] == [s.reason for s in victory.sudden_death] + [
        o.name for o in victory.objectives]
    assert [goal.sudden_death for goal in goals] == [True] * len(victory.sudden_death) + [False] * len(
        victory.objectives)


def test_points_are_the_objectives_held_now_and_match_the_final_scoring(shipped_game):
    state = shipped_game.new_initial_state(4)
    while not shipped_game.is_terminal(state):
        player = shipped_game.current_player(state)
        state = shipped_game.apply(state, shipped_game.sample_chance(state) if player == CHANCE
                                   else shipped_game.legal_moves(state)[-1])
        for faction in shipped_game.seats:
            goals = shipped_game.goals(state, faction)
            assert all(0 <= goal.met <= goal.total for goal in goals)
            assert shipped_game.points(state, faction) == sum(goal.points for goal in goals if goal.held)
    assert state.result.reason.startswith("most points when the last turn ends")  # this seed plays to the end
    assert state.result.points == tuple(shipped_game.points(state, faction) for faction in shipped_game.seats)


def test_progress_counts_how_far_a_track_has_to_go(mini_game, mini_rules):
    state = mini_game.new_initial_state(1)
    bread = mini_rules.city_track_index["bread"]
    sudden = mini_game.goals(state, "blues")[0]  # the bread is gone: bread at most 0
    low = state.replace(city=tuple(1 if index == bread else value for index, value in enumerate(state.city)))
    nearer = mini_game.goals(low, "blues")[0]
    gone = mini_game.goals(state.replace(city=tuple(0 if index == bread else value
                                                    for index, value in enumerate(state.city))), "blues")[0]

    assert 0 <= sudden.progress < nearer.progress < 1
    assert gone.held and gone.progress == 1.0


def test_a_closeness_reader_is_1_exactly_when_its_condition_holds_and_below_1_otherwise(shipped_game):
    game = shipped_game
    readers = {faction: [(condition, read) for goal in (*game.rules.victory_of(faction).sudden_death,
                                                         *game.rules.victory_of(faction).objectives)
                         for condition, read in zip(goal.when, game.closeness_readers(faction, goal.when))]
               for faction in game.seats}
    state, kinds, partial = game.new_initial_state(7), set(), 0
    while not game.is_terminal(state):
        player = game.current_player(state)
        moves = game.legal_moves(state)
        state = game.apply(state, game.sample_chance(state) if player == CHANCE else moves[state.steps % len(moves)])
        for faction, pairs in readers.items():
            for condition, read in pairs:
                value, held = read(state), game.holds(state, faction, (condition,))
                assert value == 1.0 if held else 0.0 <= value <= 0.99
                kinds.add(type(condition).__name__)
                partial += 0.0 < value < 1.0
    assert {"TrackIs", "Controls", "SupportIs", "DecreeIssued", "FlagSet"} <= kinds and partial > 0
