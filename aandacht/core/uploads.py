"""Uploads are read into memory, never spooled to a temporary file on disk.

An uploaded call log or directory file may hold what the line should not
leave lying around; a temporary file outlives a crash and ends up in
backups. Django's default spools anything above 2.5 MB to disk. Here every
upload is kept in memory up to ``FILE_UPLOAD_MAX_MEMORY_SIZE``; a larger
request is not read at all, and ``upload_too_large(request)`` tells the view
so it can say so instead of "this field is required".
"""

from __future__ import annotations

from typing import IO

from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import HttpRequest, QueryDict
from django.utils.datastructures import MultiValueDict

_TOO_LARGE = "_aandacht_upload_too_large"


class InMemoryUploadHandler(MemoryFileUploadHandler):
    def handle_raw_input(
        self,
        input_data: IO[bytes],
        META: dict[str, str],
        content_length: int,
        boundary: str,
        encoding: str | None = None,
    ) -> tuple[QueryDict, MultiValueDict[str, UploadedFile]] | None:
        answer = super().handle_raw_input(
            input_data, META, content_length, boundary, encoding
        )
        if not self.activated and self.request is not None:
            setattr(self.request, _TOO_LARGE, True)
        return answer

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if not self.activated:
            return None  # drop it: no other handler may write it to disk
        return super().receive_data_chunk(raw_data, start)


def upload_too_large(request: HttpRequest) -> bool:
    return bool(getattr(request, _TOO_LARGE, False))
