app(1);
