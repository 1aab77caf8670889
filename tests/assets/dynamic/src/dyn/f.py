from dyn import e

F = e
