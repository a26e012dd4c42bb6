"""The `traitrl` command line (typer): scenarios, rollout, evaluation, training, persistence and the study."""

from __future__ import annotations

import typer

from traitrl import __version__
from traitrl.cli.common import console
from traitrl.cli.evals import mount as mount_eval_commands
from traitrl.cli.persist import app as persist_app
from traitrl.cli.report import mount as mount_report
from traitrl.cli.results import app as results_app
from traitrl.cli.rollout import rollout
from traitrl.cli.scenarios import app as scenarios_app
from traitrl.cli.study import app as study_app
from traitrl.cli.study import demo_command
from traitrl.cli.train import export_app, top_completions_command, train_command

app = typer.Typer(
    help="traitrl: RL on beneficial traits, held-out alignment evaluation and persistence tests.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(scenarios_app, name="scenarios")
mount_eval_commands(app)  # benchmarks list, eval, compare
app.command("train")(train_command)
app.command("top-completions")(top_completions_command)
app.add_typer(export_app, name="export")
app.add_typer(results_app, name="results")
app.add_typer(persist_app, name="persist")
app.add_typer(study_app, name="study")
mount_report(app)  # traitrl report SUMMARY_JSON --out DIR


@app.callback()
def main(version: bool = typer.Option(False, "--version", help="Print the version and exit.")) -> None:
    if version:
        console.print(f"traitrl {__version__}")
        raise typer.Exit()


app.command()(rollout)
app.command("demo")(demo_command)
