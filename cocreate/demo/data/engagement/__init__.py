"""What others did with the demo proposals, by proposal title: comments, support, the panel.

One module for each module of proposals, with the same name.
"""

from cocreate.demo.data.engagement import (
    beskaeftigelse,
    born_og_kultur,
    social_og_sundhed,
    staben,
    teknik_og_miljo,
)

ENGAGEMENT = {
    **teknik_og_miljo.ENGAGEMENT,
    **born_og_kultur.ENGAGEMENT,
    **social_og_sundhed.ENGAGEMENT,
    **beskaeftigelse.ENGAGEMENT,
    **staben.ENGAGEMENT,
}
