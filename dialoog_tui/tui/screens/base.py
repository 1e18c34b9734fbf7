"""What every dialoog screen shares."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from dialoog_tui.tui.messages import BackgroundWorkFailed

ResultType = TypeVar("ResultType")


class DialoogScreen(Screen[ResultType]):
    """A screen whose failed workers are reported to the App (worker messages do not bubble)."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state is WorkerState.ERROR and worker.error is not None:
            self.post_message(BackgroundWorkFailed(worker.group, worker.error))
