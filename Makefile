# The two commands of the README: `make run` and `make test`. Each installs the Debian
# packages the build needs when they are missing, configures, builds, then runs.
BUILD ?= build
ARGS ?=
JOBS ?= $(shell nproc)

# What each package is for is listed in the README (Dependencies).
DEB_PACKAGES := cmake ninja-build g++ pkg-config \
	qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite qt6-qpa-plugins \
	libgtest-dev libgmock-dev libbenchmark-dev prometheus chromium curl sqlite3 \
	postgresql libqt6sql6-psql
# Node.js and npm fetch Swagger UI and the OpenAPI validator; taken from Debian only when the
# machine has no npm of its own.
NODE_PACKAGES := $(if $(shell command -v npm),,nodejs npm)
# python3 reads exports back with its csv module in the tests.
PYTHON_PACKAGES := $(if $(shell command -v python3),,python3)

SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: deps configure build run test clean format

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES) $(NODE_PACKAGES) $(PYTHON_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

configure: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: configure
	cmake --build $(BUILD) -j$(JOBS)

run: build
	$(BUILD)/app/bidtracker $(ARGS)

test: build
	cd $(BUILD) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j$(JOBS)

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
