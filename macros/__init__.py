"""Marketing vs. Sales: data (`macros.data`), renderers (`macros.render`), the build (`macros.build`)
and quiz exports (`macros.exports`). mkdocs-macros calls `define_env`; nothing heavy loads before it."""


def define_env(env) -> None:
    from macros.build.macros_env import define_env as wire

    wire(env)
