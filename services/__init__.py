"""Domain rules over an AsyncSession. Nothing here imports aiogram."""
