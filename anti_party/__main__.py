from anti_party.cli import run

run()
