from app.db import models
