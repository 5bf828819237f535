"""The coach: Nurture's brain. Plain Python with no Telegram import, so it can be tested and reused anywhere."""
