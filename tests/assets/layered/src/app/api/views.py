from app.services import orders
