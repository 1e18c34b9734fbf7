"""The capture screen with everything only it uses: its recorder, the input line and its
preview and suggestions, the log, the participants and the live themes panel."""
