-- One database per service: no service reads another's tables.
CREATE DATABASE siap;
CREATE DATABASE kmob;
CREATE DATABASE gateway;
