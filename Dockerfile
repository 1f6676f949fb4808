FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY *.py init_db.sql ./
COPY frontend ./frontend

RUN useradd --create-home --uid 10001 personalmem && chown -R personalmem /app
USER personalmem

EXPOSE 8888
# web.py's launcher: uvicorn without its access line (it holds the query string, search text;
# the service writes its own), each response in one write, each worker on a socket of its own.
CMD ["python", "-m", "web", "--host", "0.0.0.0", "--port", "8888", "--workers", "2"]
