def render(text: str) -> str:
    return text.upper()
