import json


def write(event: str) -> str:
    return json.dumps(event)
