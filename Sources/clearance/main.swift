import ClearanceCLI

ClearanceCommand.runAndExit()
