from tools.cli import main

sample = main
