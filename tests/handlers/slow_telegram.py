"""A LocalBotAPI whose sends to one chat hang until released, like a slow or stuck Telegram for that chat."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.local_api import LocalBotAPI


class HangingAPI(LocalBotAPI):
    def __init__(self) -> None:
        super().__init__()
        self.hang_chat: int | None = None
        self.release = asyncio.Event()
        self.hanging = asyncio.Event()

    async def do_request(self, url: str, method: str, request_data: Any = None, *args: Any, **kwargs: Any):
        params = dict(request_data.parameters) if request_data else {}
        to = int(params.get("chat_id", 0) or 0)
        if url.endswith("/sendMessage") and self.hang_chat is not None and to == self.hang_chat:
            self.hanging.set()
            await self.release.wait()
        return await super().do_request(url, method, request_data, *args, **kwargs)
